#!/usr/bin/env node
/** Entry point of the `lambda-rollout-sim` command. */
import { hideBin } from 'yargs/helpers';
import { runCli } from './cli.js';
import { processIo } from './io.js';

process.exitCode = await runCli(hideBin(process.argv), processIo);
