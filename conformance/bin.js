#!/usr/bin/env node
// The conformance suite's command line: runs conformance/cli.ts through tsx (no build step), from any directory.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./cli.ts', import.meta.url).href);
