using System.Net;

namespace NordicGear.Shop.Payments;

/// <summary>Left over from the shop's .NET Framework days, when the SOAP ConfigurationService was called.</summary>
public static class LegacyTlsSetup
{
    private const string StrongCryptoSwitch = "Switch.System.Net.DontEnableSchUseStrongCrypto";

    public static void Apply()
    {
        // RES2002: TLS 1.0 switched on for every ServicePoint in the process.
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls12;

        // RES2003: turns off the hardening that keeps .NET Framework off SSL 3.0 and TLS 1.0.
        AppContext.SetSwitch(StrongCryptoSwitch, true);
    }
}
