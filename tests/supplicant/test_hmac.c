/*
 * SHA-256 (FIPS 180-4 examples) and HMAC-SHA256 (RFC 4231 test cases 1-7).
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "hmac_sha256.h"
#include "test_helpers.h"

static int digest_is(const uint8_t *d, const char *hex, size_t n)
{
	uint8_t want[32];

	return test_unhex(hex, want, sizeof(want)) == n && !memcmp(d, want, n);
}

TEST(supp_sha256_vectors)
{
	uint8_t d[32];
	struct sha256_ctx c;
	char *million = malloc(1000000);

	sha256("", 0, d);
	CHECK(digest_is(d, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934c"
			   "a495991b7852b855", 32));
	sha256("abc", 3, d);
	CHECK(digest_is(d, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9c"
			   "b410ff61f20015ad", 32));
	sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
	       d);
	CHECK(digest_is(d, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167"
			   "f6ecedd419db06c1", 32));
	/* one million 'a', fed in odd-sized pieces */
	memset(million, 'a', 1000000);
	sha256_init(&c);
	for (size_t off = 0; off < 1000000;) {
		size_t n = 1000000 - off < 997 ? 1000000 - off : 997;

		sha256_update(&c, million + off, n);
		off += n;
	}
	sha256_final(&c, d);
	CHECK(digest_is(d, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e"
			   "046d39ccc7112cd0", 32));
	free(million);
}

TEST(supp_hmac_sha256_rfc4231)
{
	static const struct {
		const char *key_hex;
		size_t key_rep; /* key = key_hex byte repeated, if non-zero */
		const char *data;
		size_t data_rep; /* data = data[0] repeated, if non-zero */
		const char *mac;
		size_t mac_len;
	} v[] = {
		{ "0b", 20, "Hi There", 0,
		  "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
		  32 },
		{ "4a656665", 0, "what do ya want for nothing?", 0,
		  "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
		  32 },
		{ "aa", 20, "\xdd", 50,
		  "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
		  32 },
		{ "0102030405060708090a0b0c0d0e0f10111213141516171819", 0,
		  "\xcd", 50,
		  "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
		  32 },
		{ "0c", 20, "Test With Truncation", 0,
		  "a3b6167473100ee06e0c796c2955552b", 16 },
		{ "aa", 131, "Test Using Larger Than Block-Size Key - Hash Key First",
		  0,
		  "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
		  32 },
		{ "aa", 131,
		  "This is a test using a larger than block-size key and a larger "
		  "than block-size data. The key needs to be hashed before being "
		  "used by the HMAC algorithm.",
		  0,
		  "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
		  32 },
	};

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		uint8_t key[200], data[200], mac[32];
		size_t klen, dlen;

		if (v[i].key_rep) {
			test_unhex(v[i].key_hex, key, 1);
			memset(key, key[0], v[i].key_rep);
			klen = v[i].key_rep;
		} else {
			klen = test_unhex(v[i].key_hex, key, sizeof(key));
		}
		if (v[i].data_rep) {
			memset(data, v[i].data[0], v[i].data_rep);
			dlen = v[i].data_rep;
		} else {
			dlen = strlen(v[i].data);
			memcpy(data, v[i].data, dlen);
		}
		hmac_sha256(key, klen, data, dlen, mac);
		CHECK(digest_is(mac, v[i].mac, v[i].mac_len));
	}
}

TEST(supp_hmac_sha256_incremental_equals_oneshot)
{
	uint8_t key[32], data[700], a[32], b[32];
	struct hmac_sha256_ctx c;

	for (size_t i = 0; i < sizeof(key); i++)
		key[i] = (uint8_t)(i * 13);
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(i ^ 0x5a);
	hmac_sha256(key, sizeof(key), data, sizeof(data), a);
	hmac_sha256_init(&c, key, sizeof(key));
	hmac_sha256_update(&c, data, 1);
	hmac_sha256_update(&c, data + 1, 63);
	hmac_sha256_update(&c, data + 64, 0);
	hmac_sha256_update(&c, data + 64, sizeof(data) - 64);
	hmac_sha256_final(&c, b);
	CHECK(!memcmp(a, b, 32));
	CHECK_EQ(supp_memcmp_ct(a, b, 32), 0);
	b[31] ^= 1;
	CHECK(supp_memcmp_ct(a, b, 32) != 0);
}
