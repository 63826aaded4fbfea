using Kiwi.Auth.Endpoints;
using Microsoft.AspNetCore.Http;

#pragma warning disable IDE0130 // Extension methods live beside MapGet so that they are found without a using.
namespace Microsoft.AspNetCore.Builder;
#pragma warning restore IDE0130

/// <summary>kiwi's success envelope on endpoints and groups.</summary>
public static class KiwiEnvelopeEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Wraps what the endpoint returns in kiwi's success envelope,
    /// <c>{"status":"success","error":null,"data":...}</c>, as a Go service behind kiwi-user answers. Status codes
    /// and headers are kept; non-2xx answers, 204 and bodies that are neither JSON nor text pass through unchanged.
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint builder's type.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <returns>The same builder.</returns>
    public static TBuilder WithKiwiEnvelope<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddEndpointFilter(new KiwiEnvelopeEndpointFilter());
    }

    /// <summary>
    /// <see cref="KiwiEndpointConventionBuilderExtensions.RequireUser{TBuilder}(TBuilder)"/>, and with
    /// <paramref name="wrapInEnvelope"/> also <see cref="WithKiwiEnvelope{TBuilder}(TBuilder)"/>.
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint builder's type.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="wrapInEnvelope">Whether to wrap the handler's result in kiwi's success envelope.</param>
    /// <returns>The same builder.</returns>
    public static TBuilder RequireUser<TBuilder>(this TBuilder builder, bool wrapInEnvelope)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireUser();
        return wrapInEnvelope ? builder.WithKiwiEnvelope() : builder;
    }
}
