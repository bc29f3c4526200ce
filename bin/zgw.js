#!/usr/bin/env node
// Operator command line: runs src/operator/cli.ts through tsx (no build step), from any directory.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/operator/cli.ts', import.meta.url).href);
