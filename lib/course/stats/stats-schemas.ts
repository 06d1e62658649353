import { z } from 'zod';

/** `?scope=` of the statistics: this class (default) or every class the instructor teaches. */
export const ZStatsScope = z.enum(['class', 'all']).catch('class');
