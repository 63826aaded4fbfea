using Polly;

namespace Kiwi.User.Client.Internal;

/// <summary>
/// Sits outside the resilience pipeline of <c>AddKiwiUserClient</c> and turns Polly's rejections (total timeout,
/// open circuit breaker) into <see cref="KiwiUserUnavailableException"/>. It lives here, not in
/// <see cref="KiwiUserClient"/>, because Kiwi.Auth wraps its own client in its own pipeline and tells an open
/// breaker apart from other outages by catching Polly's exceptions itself.
/// </summary>
internal sealed class ResilienceRejectionHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ExecutionRejectedException exception)
        {
            throw new KiwiUserUnavailableException(
                "kiwi-user did not answer in time or its circuit breaker is open.", innerException: exception);
        }
    }
}
