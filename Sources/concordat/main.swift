import ConcordatCLI

await ConcordatCommand.runFromCommandLine()
