/* SHA-256: FIPS 180-2 / NIST CAVP known answers, incremental == one-shot,
 * and agreement with OpenSSL. */
#include "harness.h"
#include "test_util.h"

#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

static void unhex(const char *h, uint8_t *out)
{
	for (size_t i = 0; h[2 * i]; i++) {
		unsigned int v;

		sscanf(h + 2 * i, "%2x", &v);
		out[i] = (uint8_t)v;
	}
}

static const struct {
	const char *msg;
	const char *digest;
} kat[] = {
	{"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
	{"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
	{"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	 "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
	{"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
	 "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
	 "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
};

TEST(crypto_sha256_known_answers)
{
	for (size_t i = 0; i < sizeof(kat) / sizeof(kat[0]); i++) {
		uint8_t want[32], got[32];

		unhex(kat[i].digest, want);
		crypto_sha256(kat[i].msg, strlen(kat[i].msg), got);
		CHECK(!memcmp(got, want, 32));
	}
}

/* One million 'a', fed in uneven pieces. */
TEST(crypto_sha256_million_a)
{
	static uint8_t a[1000];
	struct crypto_sha256_ctx ctx;
	uint8_t want[32], got[32];
	size_t done = 0, piece = 1;

	memset(a, 'a', sizeof(a));
	unhex("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
	      want);
	crypto_sha256_init(&ctx);
	while (done < 1000000) {
		size_t n = piece % sizeof(a);

		if (n > 1000000 - done)
			n = 1000000 - done;
		crypto_sha256_update(&ctx, a, n);
		done += n;
		piece = piece * 7 + 3;
	}
	crypto_sha256_final(&ctx, got);
	CHECK(!memcmp(got, want, 32));
}

TEST(crypto_sha256_split_points)
{
	uint8_t msg[200], one[32], two[32];

	for (size_t i = 0; i < sizeof(msg); i++)
		msg[i] = (uint8_t)(i * 131 + 7);
	crypto_sha256(msg, sizeof(msg), one);
	for (size_t cut = 0; cut <= sizeof(msg); cut++) {
		struct crypto_sha256_ctx ctx;

		crypto_sha256_init(&ctx);
		crypto_sha256_update(&ctx, msg, cut);
		crypto_sha256_update(&ctx, NULL, 0);
		crypto_sha256_update(&ctx, msg + cut, sizeof(msg) - cut);
		crypto_sha256_final(&ctx, two);
		CHECK(!memcmp(one, two, 32));
	}
}

TEST(crypto_sha256_matches_openssl)
{
	uint8_t msg[300], ours[32], ref[32];
	unsigned int len;

	srand(1);
	for (size_t n = 0; n <= sizeof(msg); n++) {
		for (size_t i = 0; i < n; i++)
			msg[i] = (uint8_t)rand();
		crypto_sha256(msg, n, ours);
		CHECK(EVP_Digest(msg, n, ref, &len, EVP_sha256(), NULL) == 1);
		CHECK(!memcmp(ours, ref, 32));
	}
}
