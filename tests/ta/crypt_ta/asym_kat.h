/* crypt_ta's asymmetric known answers (asym_kat_data.c, generated). */
#ifndef ASYM_KAT_H
#define ASYM_KAT_H

#include <crypt_ta.h>
#include <stddef.h>
#include <stdint.h>
#include <tee_internal_api.h>

/* What a vector checks. */
enum akat_kind {
	AK_SIGN_EXACT, /* sign(in) == out (deterministic), verify(out) */
	AK_VERIFY,     /* verify(in, out); a key pair also signs and verifies */
	AK_DECRYPT,    /* decrypt(in) == out; encrypt(out) decrypts to out */
	AK_NOPAD,      /* raw RSA: encrypt(in) == out, decrypt(out) == in */
	AK_DERIVE,     /* derive with the peer's public value == out */
};

struct akat_attr {
	uint32_t id;
	const uint8_t *buf;
	size_t len;
	uint32_t value; /* value attributes (the ECC curve) */
};

struct akat {
	const char *name;
	uint32_t group, kind, algo, key_type, nattrs;
	struct akat_attr attr[8];
	uint32_t npeer;
	struct akat_attr peer[4]; /* derivation parameters */
	const uint8_t *in;
	size_t in_len;
	const uint8_t *out;
	size_t out_len;
	const uint8_t *label;
	size_t label_len;
	uint32_t salt; /* PSS salt length (0: the default) */
	uint32_t mgf;  /* OAEP: TEE_ATTR_RSA_OAEP_MGF_HASH's TEE_ALG_SHA* (or 0)
			*/
};

extern const struct akat akat_vectors[];
extern const size_t akat_count;

#endif
