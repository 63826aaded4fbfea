using Kiwi.User.Emulator.Internal;
using Kiwi.User.Emulator.State;

namespace Kiwi.User.Emulator;

/// <summary>
/// Controls a running emulator from the test or host that started it; the HTTP control API under
/// <c>/_emulator/</c> does the same things.
/// </summary>
public sealed class EmulatorControl
{
    private readonly EmulatorRuntime _runtime;

    internal EmulatorControl(EmulatorRuntime runtime)
    {
        _runtime = runtime;
    }

    /// <summary>The public key as <c>GET /v1/token/publickey</c> serves it (PKIX PEM, trailing newline).</summary>
    public string PublicKeyPem => _runtime.Key.PublicKeyPem;

    /// <summary>The faults still waiting to hit requests.</summary>
    public IReadOnlyList<EmulatorFault> Faults => _runtime.Faults.Active();

    /// <summary>How many requests a path received, counting every request (faulted, failed or unknown).</summary>
    /// <param name="path">The path, such as <c>/v1/token/verify</c>.</param>
    /// <returns>The count since start or the last <see cref="ResetCounters"/>.</returns>
    public int RequestCount(string path) => _runtime.Counters.Get(path);

    /// <summary>All request counters, by path.</summary>
    /// <returns>A snapshot, sorted by path.</returns>
    public IReadOnlyDictionary<string, int> RequestCounts() => _runtime.Counters.Snapshot();

    /// <summary>Sets every request counter back to zero.</summary>
    public void ResetCounters() => _runtime.Counters.Reset();

    /// <summary>Injects a fault for the next <see cref="EmulatorFault.Count"/> requests or a time window.</summary>
    /// <param name="fault">The fault.</param>
    public void InjectFault(EmulatorFault fault)
    {
        _runtime.Faults.Add(fault);
        _runtime.Logger.FaultInjected(fault.Path, fault.Kind);
    }

    /// <summary>Removes every injected fault.</summary>
    public void ClearFaults()
    {
        _runtime.Faults.Clear();
        _runtime.Logger.FaultsCleared();
    }

    /// <summary>The last verification code sent to an email address or phone number.</summary>
    /// <param name="emailOrPhone">The address or number exactly as the request gave it.</param>
    /// <returns>The six-digit code, or null when none was sent.</returns>
    public string? LastVerificationCode(string emailOrPhone)
    {
        lock (_runtime.State.Gate)
        {
            return _runtime.State.LastCodes.GetValueOrDefault(emailOrPhone);
        }
    }

    /// <summary>Replaces the signing key with a new one; tokens signed with the old key then fail.</summary>
    public void RotateSigningKey() => _runtime.RotateKey();

    /// <summary>
    /// Mints an access token in kiwi's exact format without a login (no session is created). The issuer, role and
    /// scopes come from the user when it exists; an unknown user gets the first application and no role.
    /// </summary>
    /// <param name="userId">The token's <c>sub</c>.</param>
    /// <param name="deviceType">The token's <c>device_type</c>.</param>
    /// <param name="deviceId">The token's <c>device_id</c>.</param>
    /// <param name="organizationId">The token's <c>organization_id</c>; empty for none.</param>
    /// <param name="lifetime">From now to <c>exp</c>; default the configured access token lifetime.</param>
    /// <returns>The token.</returns>
    public string IssueAccessToken(
        string userId, string deviceType = "web", string deviceId = "test-device", string organizationId = "",
        TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(userId);
        lock (_runtime.State.Gate)
        {
            var span = lifetime ?? _runtime.Options.AccessTokenLifetime;
            return TokenIssuer.Issue(_runtime, userId, deviceType, deviceId, organizationId, span).Token;
        }
    }

    /// <summary>Adds a user, or replaces the user with the same id; its roles and organizations must exist.</summary>
    /// <param name="user">The user, in the seed's format.</param>
    public void AddUser(SeedUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_runtime.State.Gate)
        {
            var state = _runtime.State;
            SeedValidator.ValidateUser(user, state.Roles.ContainsKey, state.Organizations.ContainsKey);
            state.PutUser(UserRecord.FromSeed(user));
        }

        _runtime.Logger.UserAdded(user.Id);
    }

    /// <summary>Removes a user; its unexpired access tokens still pass authentication, as in kiwi-user.</summary>
    /// <param name="userId">The user id.</param>
    /// <returns>Whether the user existed.</returns>
    public bool RemoveUser(string userId)
    {
        bool removed;
        lock (_runtime.State.Gate)
        {
            removed = _runtime.State.RemoveUser(userId);
        }

        if (removed)
        {
            _runtime.Logger.UserRemoved(userId);
        }

        return removed;
    }

    /// <summary>An avatar image that <c>PUT /v1/user/info</c> "uploaded".</summary>
    internal byte[]? Avatar(string name)
    {
        lock (_runtime.State.Gate)
        {
            return _runtime.State.Avatars.GetValueOrDefault(name);
        }
    }

    /// <summary>
    /// Puts users, sessions, codes and organization requests back to the seed. Keeps key, faults, counters.
    /// </summary>
    public void Reset()
    {
        lock (_runtime.State.Gate)
        {
            _runtime.State.Load(_runtime.Seed);
        }

        _runtime.Logger.StateReset();
    }
}
