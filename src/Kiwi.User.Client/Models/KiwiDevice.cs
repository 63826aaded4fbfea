using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models;

/// <summary>The device a session belongs to; kiwi-user keeps one refresh token per user and device.</summary>
/// <param name="DeviceType">The kind of device, such as <c>web</c> or <c>ios</c>.</param>
/// <param name="DeviceId">The device's identifier, chosen by the front end.</param>
public sealed record KiwiDevice(
    [property: JsonPropertyName("device_type")] string DeviceType,
    [property: JsonPropertyName("device_id")] string DeviceId);
