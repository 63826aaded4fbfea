namespace Kiwi.User.Emulator.State;

/// <summary>A user's request to create an organization.</summary>
internal sealed record OrganizationApplicationRecord(
    string Application,
    string Name,
    string BrandShortName,
    string PrimaryBusiness,
    string UsageScenario,
    string ReferrerName,
    string DiscoveryWay,
    string ReviewStatus);
