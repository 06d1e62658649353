/** A sentence in both course languages; every string a student sees comes as one. */
export interface LocalizedText {
  ko: string;
  en: string;
}
