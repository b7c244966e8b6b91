#!/usr/bin/env node
// The published entry point: registers tsx so the TypeScript sources run as they are, then
// hands over to the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../harness/src/cli/main.ts');
