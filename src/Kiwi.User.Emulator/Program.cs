using Kiwi.User.Emulator;

return await EmulatorCommandLine.RunAsync(args);
