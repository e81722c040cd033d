/*
 * The core's DRBG: HMAC-DRBG with SHA-256 (NIST SP 800-90A) from mbedTLS,
 * seeded and reseeded from rng_get_seed(). One instance for the whole core,
 * behind a spinlock taken with interrupts masked.
 */
#include <crypto/crypto.h>
#include <drivers/rng_seed.h>
#include <kernel/log.h>
#include <kernel/spinlock.h>
#include <string.h>

#include <mbedtls/hmac_drbg.h>
#include <mbedtls/md.h>

static mbedtls_hmac_drbg_context drbg;
static volatile uint32_t drbg_lock;
static bool drbg_ready;

static const char drbg_personalization[] = "Rampart core HMAC-DRBG v1";

static int drbg_entropy(void *unused, unsigned char *buf, size_t len)
{
	(void)unused;
	if (rng_get_seed(buf, len))
		return MBEDTLS_ERR_HMAC_DRBG_ENTROPY_SOURCE_FAILED;
	return 0;
}

static uint64_t lock_drbg(void)
{
	uint64_t daif = 0;

#ifdef __aarch64__
	__asm__ volatile("mrs %0, daif\n\tmsr daifset, #3"
			 : "=r"(daif)::"memory");
#endif
	spin_lock(&drbg_lock);
	return daif;
}

static void unlock_drbg(uint64_t daif)
{
	spin_unlock(&drbg_lock);
#ifdef __aarch64__
	__asm__ volatile("msr daif, %0" ::"r"(daif) : "memory");
#else
	(void)daif;
#endif
}

TEE_Result crypto_rng_init(void)
{
	const mbedtls_md_info_t *md = mbedtls_md_info_from_type(MBEDTLS_MD_SHA256);
	int ret;

	if (drbg_ready)
		return TEE_SUCCESS;
	mbedtls_hmac_drbg_init(&drbg);
	/* Takes 48 bytes of seed (entropy + nonce), 32 at every reseed. */
	ret = mbedtls_hmac_drbg_seed(&drbg, md, drbg_entropy, NULL,
				     (const unsigned char *)drbg_personalization,
				     sizeof(drbg_personalization) - 1);
	if (ret) {
		mbedtls_hmac_drbg_free(&drbg);
		core_log("crypto: HMAC-DRBG seeding failed: -0x%x", -ret);
		return ret == MBEDTLS_ERR_MD_ALLOC_FAILED ? TEE_ERROR_OUT_OF_MEMORY
							  : TEE_ERROR_GENERIC;
	}
	__atomic_store_n(&drbg_ready, true, __ATOMIC_RELEASE);
	return TEE_SUCCESS;
}

TEE_Result crypto_rng_read(void *buf, size_t len)
{
	uint8_t *out = buf;
	TEE_Result res = TEE_SUCCESS;
	uint64_t daif;

	if (!__atomic_load_n(&drbg_ready, __ATOMIC_ACQUIRE))
		return TEE_ERROR_BAD_STATE;
	if (!buf && len)
		return TEE_ERROR_BAD_PARAMETERS;

	while (len) {
		size_t n = len < MBEDTLS_HMAC_DRBG_MAX_REQUEST
				   ? len
				   : MBEDTLS_HMAC_DRBG_MAX_REQUEST;
		int ret;

		daif = lock_drbg();
		ret = mbedtls_hmac_drbg_random(&drbg, out, n);
		unlock_drbg(daif);
		if (ret) {
			/* Only a failed reseed gets here. */
			core_log("crypto: DRBG reseed failed: -0x%x", -ret);
			memset(buf, 0, (size_t)(out - (uint8_t *)buf) + len);
			res = TEE_ERROR_GENERIC;
			break;
		}
		out += n;
		len -= n;
	}
	return res;
}
