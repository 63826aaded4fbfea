namespace Kiwi.User.Emulator.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Options_are_read_in_both_spellings()
    {
        var ok = EmulatorCommandLine.TryParse(
            ["--urls", "http://127.0.0.1:6001", "--seed=s.json", "--signing-key", "k.pem", "--access-lifetime", "30",
                "--refresh-lifetime=90"],
            out var options, out var problem);

        Assert.True(ok, problem);
        Assert.Equal("http://127.0.0.1:6001", options.Url);
        Assert.Equal("s.json", options.SeedFile);
        Assert.Equal("k.pem", options.SigningKeyFile);
        Assert.Equal(TimeSpan.FromSeconds(30), options.AccessTokenLifetime);
        Assert.Equal(TimeSpan.FromSeconds(90), options.RefreshTokenLifetime);
    }

    [Fact]
    public void The_default_address_is_port_5081_on_loopback()
    {
        Assert.True(EmulatorCommandLine.TryParse([], out var options, out _));

        Assert.Equal("http://127.0.0.1:5081", options.Url);
        Assert.Null(options.SeedFile);
    }

    [Theory]
    [InlineData("--urls")]
    [InlineData("--bogus", "x")]
    [InlineData("--access-lifetime", "-5")]
    [InlineData("--refresh-lifetime", "soon")]
    public void Bad_arguments_are_refused_with_a_reason(params string[] args)
    {
        Assert.False(EmulatorCommandLine.TryParse(args, out _, out var problem));

        Assert.NotEmpty(problem);
    }

    [Fact]
    public void Help_is_not_an_error()
    {
        Assert.False(EmulatorCommandLine.TryParse(["--help"], out _, out var problem));

        Assert.Empty(problem);
    }
}
