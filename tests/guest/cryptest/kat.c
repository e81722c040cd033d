/*
 * Known answers (kat_vectors.c) through crypt_ta: each vector in one
 * piece, in random pieces, and with the variants its class has (digest
 * extraction, MAC comparison, a TEE_CopyOperation half-way), plus the
 * million-'a' digests, the GP 1.1 prototypes and handle isolation.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <crypt_ta.h>

#include "cryptest.h"

/* Runs every line of @table; *runs counts the invocations. */
static void run_table(const char *const *table, uint32_t cls)
{
	TEEC_Context ctx;
	TEEC_Session s;
	size_t n = 0, runs = 0, ok = 0;

	if (!open_crypt(&ctx, &s))
		return;
	for (; *table; table++, n++) {
		char *line = strdup(*table);
		struct vec v;

		if (!line || !vec_parse(line, &v)) {
			expect(false, "bad vector line %zu", n);
			free(line);
			continue;
		}
		ok += vec_run(&s, &v, 0, 0);
		ok += vec_run(&s, &v, 5, 0);
		ok += vec_run(&s, &v, 977, CRYPT_F_COPY);
		runs += 3;
		if (cls == 5) { /* digest */
			ok += vec_run(&s, &v, 31, CRYPT_F_EXTRACT);
			runs++;
		}
		if (cls == 3 && !v.want_res) { /* MAC */
			struct vec c = v;

			/* TEE_MACCompareFinal: the right MAC, then a wrong one.
			 */
			c.tag = v.want;
			c.tag_len = v.want_len;
			ok += vec_run(&s, &c, 7, CRYPT_F_COMPARE);
			c.want_res = 0xFFFF3071; /* TEE_ERROR_MAC_INVALID */
			c.tag_len--;
			ok += vec_run(&s, &c, 0, CRYPT_F_COMPARE);
			runs += 2;
		}
		vec_free(&v);
		free(line);
	}
	note("%zu vectors, %zu of %zu runs right", n, ok, runs);
	close_crypt(&ctx, &s);
}

void t_kat_digest(void)
{
	run_table(kat_digest, 5);
}

void t_kat_mac(void)
{
	run_table(kat_mac, 3);
}

void t_kat_cipher(void)
{
	run_table(kat_cipher, 1);
}

void t_kat_ae(void)
{
	run_table(kat_ae, 4);
}

/* FIPS 180-4 / RFC 1321 long messages: a million 'a' in one memref. */
void t_kat_million_a(void)
{
	static const struct {
		uint32_t algo;
		const char *digest;
	} m[] = {
		{0x50000001, "7707d6ae4e027c70eea2a935c2296f21"},
		{0x50000002, "34aa973cd4c4daa4f61eeb2bdbad27316534016f"},
		{0x50000004, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a49720"
			     "0e046d39ccc7112cd0"},
		{0x50000006, "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044"
			     "285632a803afa973ebde0ff244877ea60a4cb0432ce577"
			     "c31beb009c5c2c49aa2e4eadb217ad8cc09b"},
	};
	TEEC_Context ctx;
	TEEC_Session s;
	struct vec v;
	size_t ok = 0;

	if (!open_crypt(&ctx, &s))
		return;
	for (size_t i = 0; i < ARRAY_SIZE(m); i++) {
		char line[400];

		snprintf(line, sizeof(line),
			 "million_a 0x%08x 5 0 0 - - - - - "
			 "- 0 0 %s",
			 m[i].algo, m[i].digest);
		if (!vec_parse(line, &v)) {
			expect(false, "bad line");
			continue;
		}
		free(v.data);
		v.data_len = 1000000;
		v.data = malloc(v.data_len);
		if (!v.data) {
			vec_free(&v);
			expect(false, "out of memory");
			break;
		}
		memset(v.data, 'a', v.data_len);
		ok += vec_run(&s, &v, 0, 0);
		ok += vec_run(&s, &v, 3, 0);
		vec_free(&v);
	}
	note("%zu of %zu runs right", ok, 2 * ARRAY_SIZE(m));
	close_crypt(&ctx, &s);
}

/* HMAC-SHA1 and AES-CBC through the GP 1.1 prototypes. */
void t_gp11(void)
{
	/* HMAC-SHA1(K, "Sample #1"), AES-128-CBC(K, 0^16 IV, 0^32). */
	static const uint8_t key[16] = "0123456789abcdef";
	uint8_t out[64] = {0};
	TEEC_Context ctx;
	TEEC_Session s;
	TEEC_Operation op;
	uint32_t origin;
	TEEC_Result r;
	struct vec h, c;
	char l1[200], l2[300];

	snprintf(l1, sizeof(l1),
		 "hmac 0x30000002 4 0xa0000002 0 "
		 "30313233343536373839616263646566 - - - "
		 "53616d706c65202331 - 0 0 -");
	snprintf(l2, sizeof(l2),
		 "cbc 0x10000110 0 0xa0000010 0 "
		 "30313233343536373839616263646566 - "
		 "00000000000000000000000000000000 - "
		 "0000000000000000000000000000000000000000000000000000000000"
		 "000000 - 0 0 -");
	if (!open_crypt(&ctx, &s))
		return;
	memset(&op, 0, sizeof(op));
	op.paramTypes =
		TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
				 TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = (void *)key;
	op.params[0].tmpref.size = sizeof(key);
	op.params[1].tmpref.buffer = out;
	op.params[1].tmpref.size = sizeof(out);
	r = TEEC_InvokeCommand(&s, CRYPT_CMD_GP11, &op, &origin);
	expect(r == TEEC_SUCCESS && op.params[1].tmpref.size == 52,
	       "GP11 command: %s origin %u size %zu", rn(r), origin,
	       op.params[1].tmpref.size);
	/* The same through the GP 1.3 API must agree. */
	if (!r && vec_parse(l1, &h) && vec_parse(l2, &c)) {
		free(h.want);
		h.want = malloc(20);
		memcpy(h.want, out, 20);
		h.want_len = 20;
		free(c.want);
		c.want = malloc(32);
		memcpy(c.want, out + 20, 32);
		c.want_len = 32;
		expect(vec_run(&s, &h, 0, 0), "HMAC differs from GP 1.3's");
		expect(vec_run(&s, &c, 0, 0), "AES-CBC differs from GP 1.3's");
		vec_free(&h);
		vec_free(&c);
		note("HMAC-SHA1 and AES-CBC with uint32_t lengths agree with "
		     "the GP 1.3 API");
	}
	close_crypt(&ctx, &s);
}

/* A handle is only a handle in the instance that got it. */
void t_foreign_handle(void)
{
	TEEC_Context c1, c2;
	TEEC_Session s1, s2;
	uint32_t a = 0, b = 0, h = 0, origin;
	TEEC_Result r;

	if (!open_crypt(&c1, &s1))
		return;
	r = misuse(&s1, CRYPT_M_MAKE_KEY, 0, &a, &h, &origin);
	expect(r == TEEC_SUCCESS && h, "make key: %s", rn(r));
	if (open_crypt(&c2, &s2)) {
		r = misuse(&s2, CRYPT_M_PEEK_HANDLE, h, &a, &b, &origin);
		expect(r == TEEC_SUCCESS,
		       "handle 0x%x of one instance read by another: %s "
		       "(check at line %u)",
		       h, rn(r), a);
		close_crypt(&c2, &s2);
	}
	note("handle 0x%x refused in another instance", h);
	close_crypt(&c1, &s1);
}
