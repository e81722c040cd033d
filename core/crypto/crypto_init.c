/* Bringing the crypto backend (mbedTLS) up: heap hooks and the DRBG. */
#include <crypto/crypto.h>
#include <drivers/rng_seed.h>
#include <kernel/log.h>
#include <stdlib.h>

#include <mbedtls/platform.h>
#include <mbedtls/version.h>

static bool crypto_ready;

TEE_Result crypto_init(void)
{
	TEE_Result res;

	if (crypto_ready)
		return TEE_SUCCESS;
	if (mbedtls_platform_set_calloc_free(calloc, free)) {
		core_log("crypto: cannot hook mbedTLS to the heap");
		return TEE_ERROR_GENERIC;
	}
	res = crypto_rng_init();
	if (res) {
		core_log("crypto: DRBG not seeded: 0x%x", res);
		return res;
	}
	crypto_ready = true;
	core_log("crypto: mbedTLS %s, HMAC-DRBG seeded from %s",
		 MBEDTLS_VERSION_STRING, rng_seed_source_name());
	return TEE_SUCCESS;
}
