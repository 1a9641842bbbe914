#!/usr/bin/env bash
# The workspace load-and-fault run (docs/workspace.md): 50 delegates in 10 workspaces post offers to a separate
# `parley workspace serve` process for SECONDS (default 60), which is killed half-way and restarted; prints the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
dotnet build tests/Parley.Workspace.Tests -c Release -v q -nologo >/dev/null
PARLEY_WORKSPACE_LOAD_SECONDS="$seconds" dotnet test tests/Parley.Workspace.Tests -c Release --no-build \
  --filter "FullyQualifiedName~KillAndRestartTests" --logger "console;verbosity=detailed" | grep -E -A4 "workspace load:|setup:|Passed|Failed|Error Message"
