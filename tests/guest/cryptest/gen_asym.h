/*
 * What the two halves of cryp_gen_asym share (gen_asym.c: EC, X25519,
 * the output format and main; gen_asym_rsa.c: RSA): the seeded generator
 * and the line writers.
 */
#ifndef GEN_ASYM_H
#define GEN_ASYM_H

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <stdint.h>

#define M_ENCRYPT 0
#define M_DECRYPT 1
#define M_SIGN 2
#define M_VERIFY 3
#define M_DERIVE 6

uint64_t rnd64(void);
void rnd_bytes(uint8_t *b, size_t n);
void die(const char *what);
/* Lowercase hex, "-" when empty. */
void hex(const uint8_t *b, size_t n);
/* " <id>=<hex>", left-padded to pad bytes (0: the minimum). */
void attr_bn(uint32_t id, const BIGNUM *v, size_t pad);
void head(const char *name, uint32_t algo, uint32_t mode, uint32_t type,
	  uint32_t nattrs);
/* refused: the GP error the TA must return (an optional last field). */
void tail_refused(const uint8_t *in, size_t in_len, const uint8_t *aux,
		  size_t aux_len, const uint8_t *want, size_t want_len,
		  uint32_t refused);
void tail(const uint8_t *in, size_t in_len, const uint8_t *aux, size_t aux_len,
	  const uint8_t *want, size_t want_len);
/* SHA-1 (0) .. SHA-512 (4). */
const EVP_MD *md_of(int i);
/* gen_asym_rsa.c: every RSA case for N = n. */
void rsa_cases(int n);

#endif
