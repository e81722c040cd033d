/*
 * The DRBG wrapper. Linked first: its first test must see the crypto layer
 * before anyone called crypto_init().
 */
#include "fakes.h"
#include "harness.h"
#include "test_util.h"

#include <mbedtls/hmac_drbg.h>
#include <string.h>

TEST(crypto_rng_init_order)
{
	uint8_t b[16];

	/* Proves the ordering assumption instead of silently relying on it. */
	CHECK_EQ(fake_seed_calls, 0);
	CHECK_EQ(crypto_rng_read(b, sizeof(b)), TEE_ERROR_BAD_STATE);

	fake_seed_fail = true;
	CHECK(crypto_init() != TEE_SUCCESS);
	CHECK_EQ(crypto_rng_read(b, sizeof(b)), TEE_ERROR_BAD_STATE);
	fake_seed_fail = false;

	CHECK_EQ(crypto_init(), TEE_SUCCESS);
	{
		unsigned long calls = fake_seed_calls;

		CHECK_EQ(crypto_init(), TEE_SUCCESS); /* second call: no-op */
		CHECK_EQ(fake_seed_calls, calls);
	}
	CHECK_EQ(crypto_rng_read(b, sizeof(b)), TEE_SUCCESS);
	tu_crypto_up();
}

TEST(crypto_rng_outputs_differ)
{
	uint8_t a[64], b[64], zero[64] = {0};

	tu_crypto_up();
	CHECK_EQ(crypto_rng_read(a, sizeof(a)), TEE_SUCCESS);
	CHECK_EQ(crypto_rng_read(b, sizeof(b)), TEE_SUCCESS);
	CHECK(memcmp(a, b, sizeof(a)) != 0);
	CHECK(memcmp(a, zero, sizeof(a)) != 0);
	CHECK_EQ(crypto_rng_read(NULL, 0), TEE_SUCCESS);
	CHECK_EQ(crypto_rng_read(NULL, 1), TEE_ERROR_BAD_PARAMETERS);
}

/* Longer than one mbedTLS request (1024 bytes): every byte is written and
 * the bit balance is sane (monobit, 40000 bits: 4 sigma ~ +-400). */
TEST(crypto_rng_large_read)
{
	static uint8_t buf[5003];
	unsigned long ones = 0;
	size_t zero_run = 0, longest = 0;

	tu_crypto_up();
	memset(buf, 0, sizeof(buf));
	CHECK_EQ(crypto_rng_read(buf, sizeof(buf)), TEE_SUCCESS);
	for (size_t i = 0; i < sizeof(buf); i++) {
		ones += (unsigned long)__builtin_popcount(buf[i]);
		zero_run = buf[i] ? 0 : zero_run + 1;
		if (zero_run > longest)
			longest = zero_run;
	}
	CHECK(ones > sizeof(buf) * 4 - 450 && ones < sizeof(buf) * 4 + 450);
	CHECK(longest < 4);
}

/* The DRBG asks rng_get_seed() again after its reseed interval; a failing
 * seed then fails the read and leaves no partial output. */
TEST(crypto_rng_reseed)
{
	uint8_t b[8];
	unsigned long before;
	TEE_Result res = TEE_SUCCESS;

	tu_crypto_up();
	before = fake_seed_calls;
	for (int i = 0; i <= MBEDTLS_HMAC_DRBG_RESEED_INTERVAL && !res; i++)
		res = crypto_rng_read(b, 1);
	CHECK_EQ(res, TEE_SUCCESS);
	CHECK(fake_seed_calls > before);

	fake_seed_fail = true;
	res = TEE_SUCCESS;
	for (int i = 0; i <= MBEDTLS_HMAC_DRBG_RESEED_INTERVAL && !res; i++) {
		memset(b, 0xa5, sizeof(b));
		res = crypto_rng_read(b, sizeof(b));
	}
	fake_seed_fail = false;
	CHECK_EQ(res, TEE_ERROR_GENERIC);
	for (size_t i = 0; i < sizeof(b); i++)
		CHECK_EQ(b[i], 0);
	/* And it recovers once the source works again. */
	CHECK_EQ(crypto_rng_read(b, sizeof(b)), TEE_SUCCESS);
}
