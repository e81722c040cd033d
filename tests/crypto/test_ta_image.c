/*
 * Signed TA images. The "built-in" key of this build of ta_image.c is the
 * test key A (out/tests/crypto/gen/ta_pubkey.h). Images come from sign_ta,
 * from the openssl-command-line reference assembler, and from OpenSSL calls
 * here for variants sign_ta cannot make.
 */
#include "fakes.h"
#include "harness.h"
#include "test_util.h"

#include <stdlib.h>
#include <string.h>
#include <tee/ta_image.h>

#define SIG_3072 384
#define HDR_3072 (20 + 32 + SIG_3072 + 20)

static const uint8_t uuid[16] = TU_UUID;

static bool is_error(TEE_Result r)
{
	return r == TEE_ERROR_BAD_FORMAT || r == TEE_ERROR_NOT_SUPPORTED ||
	       r == TEE_ERROR_SECURITY;
}

static TEE_Result open_buf(const uint8_t *buf, size_t len)
{
	struct ta_image img;

	return ta_image_open(buf, len, uuid, &img);
}

/* Like open_buf, from an exact-size heap copy (ASan sees over-reads). */
static TEE_Result open_copy(const uint8_t *buf, size_t len)
{
	uint8_t *c = malloc(len ? len : 1);
	TEE_Result r;

	memcpy(c, buf, len);
	r = open_buf(len ? c : NULL, len);
	free(c);
	return r;
}

static void check_good(const char *name, size_t sig_size,
		       const struct crypto_rsa_pubkey *key, uint32_t algo)
{
	size_t len, elf_len;
	uint8_t *buf = tu_read(name, &len);
	uint8_t *elf = tu_read("payload.elf", &elf_len);
	struct ta_image img;

	CHECK_EQ(ta_image_decode(buf, len, &img), TEE_SUCCESS);
	CHECK_EQ(key ? ta_image_verify_with_key(&img, uuid, key)
		     : ta_image_verify(&img, uuid),
		 TEE_SUCCESS);
	CHECK_EQ(img.img_type, TA_IMAGE_TYPE_BOOTSTRAP);
	CHECK_EQ(img.algo, algo);
	CHECK_EQ(img.sig_size, sig_size);
	CHECK(img.has_uuid);
	CHECK(!memcmp(img.uuid, uuid, 16));
	CHECK_EQ(img.ta_version, TU_TA_VERSION);
	CHECK(img.elf == buf + 20 + 32 + sig_size + 20);
	CHECK_EQ(img.elf_size, elf_len);
	CHECK(!memcmp(img.elf, elf, elf_len));
	free(buf);
	free(elf);
}

TEST(ta_image_good_sign_ta)
{
	tu_crypto_up();
	check_good("pss.ta", SIG_3072, NULL, TA_IMAGE_ALGO_RSA_PSS_SHA256);
	check_good("pkcs1.ta", SIG_3072, NULL, TA_IMAGE_ALGO_RSA_PKCS1_SHA256);
}

/* Images assembled from the format description with openssl(1) only. */
TEST(ta_image_good_reference_images)
{
	tu_crypto_up();
	check_good("ref_pss.ta", SIG_3072, NULL, TA_IMAGE_ALGO_RSA_PSS_SHA256);
	check_good("ref_pkcs1.ta", SIG_3072, NULL,
		   TA_IMAGE_ALGO_RSA_PKCS1_SHA256);
}

TEST(ta_image_key_sizes)
{
	struct tu_key *k2 = tu_key("test_only_key_2048.pem");
	struct tu_key *k4 = tu_key("test_only_key_4096.pem");
	size_t len;
	uint8_t *buf;

	tu_crypto_up();
	check_good("pss_2048.ta", 256, &k2->pub, TA_IMAGE_ALGO_RSA_PSS_SHA256);
	check_good("pkcs1_2048.ta", 256, &k2->pub,
		   TA_IMAGE_ALGO_RSA_PKCS1_SHA256);
	check_good("pss_4096.ta", 512, &k4->pub, TA_IMAGE_ALGO_RSA_PSS_SHA256);
	check_good("pkcs1_4096.ta", 512, &k4->pub,
		   TA_IMAGE_ALGO_RSA_PKCS1_SHA256);
	/* Well-formed, but not signed with the built-in key. */
	buf = tu_read("pss_4096.ta", &len);
	CHECK_EQ(open_buf(buf, len), TEE_ERROR_SECURITY);
	CHECK(strstr(fake_last_log, "another key"));
	free(buf);
	buf = tu_read("pss_2048.ta", &len);
	CHECK_EQ(open_buf(buf, len), TEE_ERROR_SECURITY);
	free(buf);
}

TEST(ta_image_other_key_same_size)
{
	size_t len;
	uint8_t *buf = tu_read("pss_key_b.ta", &len);

	tu_crypto_up();
	CHECK_EQ(open_buf(buf, len), TEE_ERROR_SECURITY);
	CHECK(strstr(fake_last_log, "does not verify"));
	CHECK_EQ(ta_image_verify_with_key(
			 &(struct ta_image){0}, uuid,
			 &tu_key("test_only_key_b_3072.pem")->pub),
		 TEE_ERROR_BAD_PARAMETERS);
	free(buf);
}

TEST(ta_image_builtin_key_is_test_key_a)
{
	const struct crypto_rsa_pubkey *k = ta_image_pubkey();
	struct tu_key *a = tu_key("test_only_key_a_3072.pem");

	CHECK_EQ(k->modulus_len, a->pub.modulus_len);
	CHECK(!memcmp(k->modulus, a->pub.modulus, k->modulus_len));
	CHECK_EQ(k->exponent, a->pub.exponent);
}

TEST(ta_image_legacy_type0)
{
	size_t elf_len, len;
	uint8_t *elf = tu_read("payload.elf", &elf_len);
	struct tu_key *a = tu_key("test_only_key_a_3072.pem");
	uint8_t *img = tu_make_image(a, 0, TA_IMAGE_ALGO_RSA_PSS_SHA256, 32,
				     NULL, 0, elf, elf_len, &len);
	struct ta_image ti;

	tu_crypto_up();
	CHECK_EQ(ta_image_open(img, len, NULL, &ti), TEE_SUCCESS);
	CHECK(!ti.has_uuid);
	CHECK(ti.bootstrap == NULL);
	CHECK(ti.elf == img + 20 + 32 + SIG_3072);
	CHECK_EQ(ti.elf_size, elf_len);
	/* A body flip is caught for type 0 as well. */
	img[len - 1] ^= 1;
	CHECK_EQ(open_buf(img, len), TEE_ERROR_SECURITY);
	free(img);
	free(elf);
}

/* A plain ELF, and images whose hash is right but signature absent. */
TEST(ta_image_unsigned)
{
	size_t len;
	uint8_t *elf = tu_read("payload.elf", &len);
	uint8_t *buf;

	tu_crypto_up();
	CHECK_EQ(open_buf(elf, len), TEE_ERROR_BAD_FORMAT);
	CHECK(strstr(fake_last_log, "magic"));
	free(elf);

	buf = tu_read("pss.ta", &len);
	memset(buf + 52, 0, SIG_3072);
	CHECK_EQ(open_buf(buf, len), TEE_ERROR_SECURITY);
	memset(buf + 52, 0xff, SIG_3072);
	CHECK_EQ(open_buf(buf, len), TEE_ERROR_SECURITY);
	free(buf);
}

/*
 * Every single-bit change of the 20-byte shdr is refused: BAD_FORMAT,
 * except img_type 1 -> 3 (subkey): NOT_SUPPORTED. Never a success.
 */
TEST(ta_image_flip_header_bits)
{
	size_t len;
	uint8_t *buf = tu_read("pss.ta", &len);

	tu_crypto_up();
	for (int bit = 0; bit < 20 * 8; bit++) {
		TEE_Result r, want = TEE_ERROR_BAD_FORMAT;

		buf[bit / 8] ^= (uint8_t)(1 << (bit % 8));
		r = open_buf(buf, len);
		buf[bit / 8] ^= (uint8_t)(1 << (bit % 8));
		if (bit == 4 * 8 + 1)
			want = TEE_ERROR_NOT_SUPPORTED;
		if (r != want)
			fprintf(stderr, "  header bit %d: 0x%x\n", bit, r);
		CHECK_EQ(r, want);
	}
	CHECK_EQ(open_buf(buf, len), TEE_SUCCESS);
	free(buf);
}

/* Hash, signature, bootstrap header (uuid, ta_version) and body bits. */
TEST(ta_image_flip_signed_bits)
{
	size_t len;
	uint8_t *buf = tu_read("pkcs1.ta", &len);
	size_t fails = 0, tries = 0;

	tu_crypto_up();
	for (size_t off = 20; off < len; off++) {
		/* Every bit of hash and bootstrap header, one per other byte. */
		bool all = off < 52 || (off >= 52 + SIG_3072 && off < HDR_3072);

		for (int bit = 0; bit < 8; bit++) {
			TEE_Result r;

			if (!all && bit != (int)(off % 8))
				continue;
			buf[off] ^= (uint8_t)(1 << bit);
			r = open_buf(buf, len);
			buf[off] ^= (uint8_t)(1 << bit);
			tries++;
			if (r != TEE_ERROR_SECURITY) {
				fprintf(stderr, "  offset %zu bit %d: 0x%x\n",
					off, bit, r);
				fails++;
			}
		}
	}
	CHECK_EQ(fails, 0);
	CHECK(tries > len - 20);
	CHECK_EQ(open_buf(buf, len), TEE_SUCCESS);
	free(buf);
}

TEST(ta_image_flip_logs_why)
{
	size_t len;
	uint8_t *buf = tu_read("pss.ta", &len);

	tu_crypto_up();
	buf[len - 5] ^= 0x40;
	CHECK_EQ(open_buf(buf, len), TEE_ERROR_SECURITY);
	CHECK(strstr(fake_last_log, "hash mismatch"));
	buf[len - 5] ^= 0x40;
	buf[100] ^= 0x01;
	CHECK_EQ(open_buf(buf, len), TEE_ERROR_SECURITY);
	CHECK(strstr(fake_last_log, "RSA-PSS signature does not verify"));
	free(buf);
}

/* Cut at every length (and one byte too long): exact-size copies. */
TEST(ta_image_truncated)
{
	size_t len;
	uint8_t *buf = tu_read("pss.ta", &len);
	uint8_t *longer = malloc(len + 1);
	size_t fails = 0;

	tu_crypto_up();
	for (size_t cut = 0; cut < len; cut++) {
		TEE_Result r = open_copy(buf, cut);

		if (r != TEE_ERROR_BAD_FORMAT) {
			fprintf(stderr, "  length %zu: 0x%x\n", cut, r);
			fails++;
		}
	}
	CHECK_EQ(fails, 0);
	memcpy(longer, buf, len);
	longer[len] = 0;
	CHECK_EQ(open_copy(longer, len + 1), TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(open_copy(buf, len), TEE_SUCCESS);
	free(longer);
	free(buf);
}

TEST(ta_image_wrong_uuid)
{
	size_t len;
	uint8_t *buf = tu_read("pss.ta", &len);
	struct ta_image img;

	tu_crypto_up();
	CHECK_EQ(ta_image_decode(buf, len, &img), TEE_SUCCESS);
	for (int bit = 0; bit < 128; bit++) {
		uint8_t other[16];

		memcpy(other, uuid, 16);
		other[bit / 8] ^= (uint8_t)(1 << (bit % 8));
		CHECK_EQ(ta_image_verify(&img, other), TEE_ERROR_SECURITY);
	}
	CHECK(strstr(fake_last_log, "signed for 8aaaf200-2450-11e4-abe2-"
				    "0002a5d5c51b"));
	CHECK_EQ(ta_image_verify(&img, NULL), TEE_ERROR_BAD_PARAMETERS);
	free(buf);
}

/* A genuinely signed TA for another UUID offered under ours. */
TEST(ta_image_signed_for_other_uuid)
{
	size_t elf_len, len;
	uint8_t *elf = tu_read("payload.elf", &elf_len);
	uint8_t other[16] = TU_UUID;
	uint8_t *img;
	struct ta_image ti;

	tu_crypto_up();
	other[15] ^= 0x80;
	img = tu_make_image(tu_key("test_only_key_a_3072.pem"), 1,
			    TA_IMAGE_ALGO_RSA_PSS_SHA256, 32, other, 1, elf,
			    elf_len, &len);
	CHECK_EQ(ta_image_open(img, len, other, &ti), TEE_SUCCESS);
	CHECK_EQ(ta_image_open(img, len, uuid, &ti), TEE_ERROR_SECURITY);
	CHECK(ti.elf == NULL); /* cleared on failure */
	free(img);
	free(elf);
}

TEST(ta_image_wrong_algo)
{
	static const uint32_t unknown[] = {
		0,          0xffffffff, 0x70414931, 0x70212930 /* PSS SHA1 */,
		0x70004930, 0x70515930 /* PSS SHA384 */, 0x70005830,
		0x60210230 /* DSA */, 0x70414930 ^ 0x80000000};
	size_t elf_len, len;
	uint8_t *elf = tu_read("payload.elf", &elf_len);
	uint8_t *buf = tu_read("pss.ta", &len);
	struct tu_key *a = tu_key("test_only_key_a_3072.pem");
	uint8_t *img;

	tu_crypto_up();
	for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		tu_put_le32(buf + 12, unknown[i]);
		tu_rehash(buf, len);
		CHECK_EQ(open_buf(buf, len), TEE_ERROR_BAD_FORMAT);
	}
	/* PSS signature labelled PKCS#1 (hash made consistent): refused. */
	tu_put_le32(buf + 12, TA_IMAGE_ALGO_RSA_PKCS1_SHA256);
	tu_rehash(buf, len);
	CHECK_EQ(open_buf(buf, len), TEE_ERROR_SECURITY);
	free(buf);
	/* PKCS#1 signature labelled PSS. */
	img = tu_make_image(a, 1, TA_IMAGE_ALGO_RSA_PSS_SHA256, -1, uuid, 1,
			    elf, elf_len, &len);
	CHECK_EQ(open_buf(img, len), TEE_ERROR_SECURITY);
	free(img);
	/* PSS with a salt other than 32 (20, and the maximum). */
	img = tu_make_image(a, 1, TA_IMAGE_ALGO_RSA_PSS_SHA256, 20, uuid, 1,
			    elf, elf_len, &len);
	CHECK_EQ(open_buf(img, len), TEE_ERROR_SECURITY);
	free(img);
	img = tu_make_image(a, 1, TA_IMAGE_ALGO_RSA_PSS_SHA256,
			    SIG_3072 - 32 - 2, uuid, 1, elf, elf_len, &len);
	CHECK_EQ(open_buf(img, len), TEE_ERROR_SECURITY);
	free(img);
	/* And the control: OpenSSL PSS salt 32 is accepted. */
	img = tu_make_image(a, 1, TA_IMAGE_ALGO_RSA_PSS_SHA256, 32, uuid, 1,
			    elf, elf_len, &len);
	CHECK_EQ(open_buf(img, len), TEE_SUCCESS);
	free(img);
	free(elf);
}

/* sig_size outside 256..512, with a file length that matches it. */
TEST(ta_image_sig_size_limits)
{
	static const uint16_t bad[] = {0, 1, 128, 255, 513, 1024, 0xffff};
	size_t len;
	uint8_t *buf = tu_read("pss.ta", &len);

	tu_crypto_up();
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		size_t n = 20 + 32 + bad[i] + 20 + 100;
		uint8_t *img = calloc(1, n);

		memcpy(img, buf, 20);
		tu_put_le32(img + 4, 1);
		tu_put_le32(img + 8, 100);
		tu_put_le16(img + 18, bad[i]);
		CHECK_EQ(open_copy(img, n), TEE_ERROR_BAD_FORMAT);
		CHECK(strstr(fake_last_log, "sig_size"));
		free(img);
	}
	free(buf);
}

TEST(ta_image_img_size)
{
	size_t len;
	uint8_t *buf = tu_read("pss.ta", &len);
	uint32_t elf_len = (uint32_t)(len - HDR_3072);
	const uint32_t sizes[] = {0,
				  elf_len - 1,
				  elf_len + 1,
				  0x7fffffff,
				  0x80000000u + elf_len,
				  0xffffffff,
				  /* hdr + img_size == len modulo 2^32 */
				  (uint32_t)(0 - (uint32_t)HDR_3072 + elf_len),
				  (uint32_t)(0 - (uint32_t)HDR_3072)};

	tu_crypto_up();
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		tu_put_le32(buf + 8, sizes[i]);
		CHECK_EQ(open_copy(buf, len), TEE_ERROR_BAD_FORMAT);
	}
	/* A file cut inside its headers whose img_size wraps 32-bit sums. */
	for (size_t cut = 20; cut < HDR_3072; cut += 37) {
		tu_put_le32(buf + 8, (uint32_t)(cut - HDR_3072));
		CHECK_EQ(open_copy(buf, cut), TEE_ERROR_BAD_FORMAT);
	}
	/* An empty payload with consistent sizes. */
	tu_put_le32(buf + 8, 0);
	CHECK_EQ(open_copy(buf, HDR_3072), TEE_ERROR_BAD_FORMAT);
	CHECK(strstr(fake_last_log, "empty"));
	free(buf);
}

TEST(ta_image_types_and_hash_size)
{
	size_t len;
	uint8_t *buf = tu_read("pss.ta", &len);
	static const uint32_t types[] = {2, 3, 4, 0x100, 0xffffffff};
	static const TEE_Result want[] = {
		TEE_ERROR_NOT_SUPPORTED, TEE_ERROR_NOT_SUPPORTED,
		TEE_ERROR_BAD_FORMAT, TEE_ERROR_BAD_FORMAT,
		TEE_ERROR_BAD_FORMAT};
	static const uint16_t hash_sizes[] = {0, 20, 31, 33, 48, 64, 0xffff};

	tu_crypto_up();
	for (size_t i = 0; i < 5; i++) {
		tu_put_le32(buf + 4, types[i]);
		CHECK_EQ(open_copy(buf, len), want[i]);
	}
	tu_put_le32(buf + 4, 1);
	for (size_t i = 0; i < sizeof(hash_sizes) / 2; i++) {
		tu_put_le16(buf + 16, hash_sizes[i]);
		CHECK_EQ(open_copy(buf, len), TEE_ERROR_BAD_FORMAT);
	}
	tu_put_le16(buf + 16, 32);
	CHECK_EQ(open_copy(buf, len), TEE_SUCCESS);
	free(buf);
}

TEST(ta_image_bad_arguments)
{
	size_t len;
	uint8_t *buf = tu_read("pss.ta", &len);
	struct ta_image img;

	tu_crypto_up();
	CHECK_EQ(ta_image_decode(NULL, 100, &img), TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(ta_image_decode(buf, len, NULL), TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(ta_image_verify(NULL, uuid), TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(ta_image_decode(buf, len, &img), TEE_SUCCESS);
	CHECK_EQ(ta_image_verify_with_key(&img, uuid, NULL),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK(is_error(open_buf(buf, 0)));
	free(buf);
}
