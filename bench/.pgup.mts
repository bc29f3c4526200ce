import { startPostgres } from './postgres.js';
console.log((await startPostgres()).url);
