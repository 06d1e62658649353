/** The Backprop Live mark: a small computation graph (two inputs into one node) with a gradient arrow back. Same drawing as app/icon.svg. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg viewBox="0 0 32 32" width={size} height={size} aria-hidden="true" focusable="false" className="logo">
      <rect width="32" height="32" rx="7" fill="#4338ca" />
      <path d="M9 10l10 6M9 22l10-6" stroke="#c7d2fe" strokeWidth="2.2" strokeLinecap="round" />
      <circle cx="8" cy="10" r="3" fill="#fff" />
      <circle cx="8" cy="22" r="3" fill="#fff" />
      <circle cx="21" cy="16" r="4" fill="#f59e0b" />
      <path d="M27 9c-2-1.5-4-1.5-5.5 0.5" stroke="#fff" strokeWidth="1.8" fill="none" strokeLinecap="round" />
      <path d="M21.2 7.6l0.4 2.6 2.4-1" stroke="#fff" strokeWidth="1.6" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
