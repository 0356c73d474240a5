// Redocly loads plugins as JavaScript; the rules are TypeScript compiled by `npm run compile`.
export { default } from '../dist/lint/plugin.js';
