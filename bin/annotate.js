#!/usr/bin/env node
// Glue only: all behaviour lives in src/ (compiled to dist/ by `npm run build`, run by `npm ci`).
import { main } from '../dist/src/cli/main.js';
import { nodeIo } from '../dist/src/cli/io.js';

process.exitCode = await main(process.argv.slice(2), nodeIo());
