import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * zod/mini loads no locale, so its messages would all be "Invalid input".
 * Every module with a schema imports this one (src/probe/schema.ts sets the
 * same itself): the English messages the classic API gives, without loading
 * its other locales.
 */
config(en());
