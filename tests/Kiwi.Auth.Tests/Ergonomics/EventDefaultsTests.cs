namespace Kiwi.Auth.Tests.Ergonomics;

/// <summary>The handler skips the contexts of events nobody set; these say when an event counts as set.</summary>
public sealed class EventDefaultsTests
{
    [Fact]
    public void Default_events_raise_nothing()
    {
        var events = new KiwiAuthEvents();

        Assert.False(events.HasMessageReceived);
        Assert.False(events.HasTokenValidated);
        Assert.False(events.HasAuthenticationFailed);
    }

    [Fact]
    public void An_event_set_by_delegate_is_raised_and_the_others_are_not()
    {
        var events = new KiwiAuthEvents { OnTokenValidated = _ => Task.CompletedTask };

        Assert.True(events.HasTokenValidated);
        Assert.False(events.HasMessageReceived);
        Assert.False(events.HasAuthenticationFailed);
    }

    [Fact]
    public void Every_event_of_a_derived_type_is_raised_since_it_may_override_the_methods()
    {
        var events = new DerivedEvents();

        Assert.True(events.HasMessageReceived);
        Assert.True(events.HasTokenValidated);
        Assert.True(events.HasAuthenticationFailed);
    }

    private sealed class DerivedEvents : KiwiAuthEvents
    {
        public override Task TokenValidated(KiwiTokenValidatedContext context) => Task.CompletedTask;
    }
}
