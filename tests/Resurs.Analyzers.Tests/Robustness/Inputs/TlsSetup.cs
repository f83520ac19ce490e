using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Authentication;
using System.Threading.Tasks;

namespace Robustness.Tls
{
    public static class TlsSetup
    {
        private const SslProtocols Legacy = SslProtocols.Tls11;

        public static HttpClientHandler Handler() => new HttpClientHandler { SslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12 };

        public static void Configure(HttpClientHandler handler, SocketsHttpHandler sockets, SslClientAuthenticationOptions options)
        {
            handler.SslProtocols = (SslProtocols)192;
            handler.SslProtocols |= SslProtocols.Tls;
            handler.SslProtocols = ~SslProtocols.Ssl3;
            handler.SslProtocols = SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12;
            sockets.SslOptions.EnabledSslProtocols = Legacy;
            options.EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
#pragma warning disable SYSLIB0014
            ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls12;
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls11;
#pragma warning restore SYSLIB0014
            AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true);
            AppContext.SetSwitch("Switch.System.Net.DontEnableSystemDefaultTlsVersions", true);
            AppContext.SetSwitch("Switch.System.Net.DontEnableTlsAlerts", false);
        }

        public static async Task<bool> Connect(SslStream stream)
        {
            await stream.AuthenticateAsClientAsync("merchant-api.resurs.com", null, SslProtocols.Tls11, true);
            return stream.SslProtocol == SslProtocols.Tls11 || (stream.SslProtocol & SslProtocols.Tls) != 0;
        }
    }
}
