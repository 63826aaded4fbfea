using System.Text.Json.Serialization;
using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;

namespace Kiwi.User.Client.Json;

/// <summary>
/// Source-generated System.Text.Json metadata for every kiwi-user request and response, so that no reflection
/// runs on the hot path and the client works trimmed.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(KiwiEnvelope<LoginResult>))]
[JsonSerializable(typeof(KiwiEnvelope<KiwiUserInfo>))]
[JsonSerializable(typeof(KiwiEnvelope<TokenVerification>))]
[JsonSerializable(typeof(KiwiEnvelope<PublicKeyResult>))]
[JsonSerializable(typeof(KiwiEnvelope<OperationResult>))]
[JsonSerializable(typeof(KiwiEnvelope<IReadOnlyList<PublicUserInfo>>))]
[JsonSerializable(typeof(KiwiEnvelope<IReadOnlyList<OrganizationInfo>>))]
[JsonSerializable(typeof(KiwiEnvelope<IReadOnlyList<OrganizationApplication>>))]
[JsonSerializable(typeof(KiwiEnvelope<CurrentOrganizationInfo>))]
[JsonSerializable(typeof(KiwiEnvelope<object>))]
[JsonSerializable(typeof(PasswordLoginRequest))]
[JsonSerializable(typeof(OrganizationLoginRequest))]
[JsonSerializable(typeof(PhoneCodeRequest))]
[JsonSerializable(typeof(PhoneLoginRequest))]
[JsonSerializable(typeof(EmailCodeRequest))]
[JsonSerializable(typeof(EmailLoginRequest))]
[JsonSerializable(typeof(GoogleWebLoginRequest))]
[JsonSerializable(typeof(WeChatMiniProgramLoginRequest))]
[JsonSerializable(typeof(WeChatWebLoginState))]
[JsonSerializable(typeof(VerifyTokenRequest))]
[JsonSerializable(typeof(RefreshTokenRequest))]
[JsonSerializable(typeof(LogoutRequest))]
[JsonSerializable(typeof(UpdateUserInfoRequest))]
[JsonSerializable(typeof(OrganizationApplicationRequest))]
[JsonSerializable(typeof(UserInfosRequest))]
[JsonSerializable(typeof(OrganizationInfosRequest))]
public sealed partial class KiwiUserJsonContext : JsonSerializerContext;
