#!/usr/bin/env node
// kqlhunt: check KQL queries and Sentinel rule files from the command line, as the editor does.
require('../dist/cli/kqlhunt.js');
