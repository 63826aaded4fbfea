using Kiwi.Auth.LoadHost;

// The load-test host. See benchmarks/load/compare.sh for how it is driven, and LoadHostCommand for the commands.
return await LoadHostCommand.RunAsync(args);
