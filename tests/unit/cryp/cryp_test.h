/*
 * Shared by the host tests of the core's GP crypto service
 * (tests/unit/cryp/): fakes for TA memory and the RNG, a deterministic
 * PRNG, helpers to drive the service the way the system call decoder does,
 * and OpenSSL references to compare with.
 */
#ifndef TESTS_UNIT_CRYP_CRYP_TEST_H
#define TESTS_UNIT_CRYP_CRYP_TEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cryp.h"
#include "harness.h"

/* TA memory is plain host memory in these tests. */
struct cryp_span span_of(const void *p, size_t len);

/* xorshift64*, seeded: failures are reproducible. */
void prng_seed(uint64_t seed);
uint64_t prng(void);
size_t prng_below(size_t n);
void prng_fill(uint8_t *p, size_t n);

/* A fresh instance (free with cryp_inst_free). */
struct cryp_inst *new_inst(void);
/* An initialized secret-key object with @key; its handle in *h. */
struct cryp_obj *secret_obj(struct cryp_inst *ci, uint32_t type,
			    const uint8_t *key, size_t len, uint32_t *h);
/* An operation with a key (NULL key2 unless XTS). */
struct cryp_op *keyed_op(struct cryp_inst *ci, uint32_t algo, uint32_t mode,
			 uint32_t key_type, const uint8_t *key, size_t len,
			 const uint8_t *key2, uint32_t *h);

/* Pieces: a random split of @len into at most 8 parts (some empty). */
size_t random_split(size_t len, size_t *parts, size_t max_parts);

/* OpenSSL references; each returns the output length (0 on an error). */
size_t ref_digest(uint32_t algo, const uint8_t *msg, size_t len, uint8_t *out);
size_t ref_cipher(uint32_t algo, bool enc, const uint8_t *key, size_t klen,
		  const uint8_t *key2, const uint8_t *iv, const uint8_t *in,
		  size_t len, uint8_t *out);
size_t ref_mac(uint32_t algo, const uint8_t *key, size_t klen,
	       const uint8_t *msg, size_t len, uint8_t *out);
bool ref_ae(uint32_t algo, bool enc, const uint8_t *key, size_t klen,
	    const uint8_t *nonce, size_t nlen, const uint8_t *aad, size_t alen,
	    const uint8_t *in, size_t len, uint8_t *out, uint8_t *tag,
	    size_t tag_len);

#endif
