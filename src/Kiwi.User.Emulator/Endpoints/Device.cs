using Kiwi.User.Emulator.Json;

namespace Kiwi.User.Emulator.Endpoints;

/// <summary>The <c>device</c> object of a request; both fields are required when the device is.</summary>
internal sealed record Device(string Type, string Id)
{
    public bool IsComplete => Type.Length > 0 && Id.Length > 0;

    public static Device Bind(GoJsonObject root)
    {
        var device = root.Object("device");
        return new Device(device.String("device_type"), device.String("device_id"));
    }
}
