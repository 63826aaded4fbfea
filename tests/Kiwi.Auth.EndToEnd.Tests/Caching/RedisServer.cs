using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kiwi.Auth.EndToEnd.Tests.Caching;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, with nothing written to disk, stopped by its PID. CI
/// installs redis-server (.ci/run); the tests fail, not skip, when it is missing.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(30);

    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var process = Process.Start(new ProcessStartInfo("redis-server")
            {
                ArgumentList = { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("redis-server did not start.");
            process.OutputDataReceived += static (_, _) => { };
            process.ErrorDataReceived += static (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var server = new RedisServer(process, port);
            if (await server.AnswersPingAsync())
            {
                return server;
            }

            await server.DisposeAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"redis-server did not answer on port {port}.");
            }
        }
    }

    /// <summary>Stops the server (its PID, nothing else) and waits until it has exited.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private async Task<bool> AnswersPingAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartPatience && !_process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (Exception exception) when (exception is SocketException or IOException)
            {
                // Not listening yet, or closed the connection while starting.
            }

            await Task.Delay(50);
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
