/*
 * The asymmetric half of the core's GP crypto service: signatures,
 * asymmetric encryption, key derivation (cryp_asym.c, cryp_asym_algs.c,
 * cryp_derive.c) and generation of asymmetric keys (cryp_keygen.c). These
 * operations are one-shot: they keep no state between calls, only the key.
 */
#ifndef CORE_TEE_CRYP_CRYP_ASYM_H
#define CORE_TEE_CRYP_CRYP_ASYM_H

#include <crypto/crypto_asym.h>

#include "cryp.h"

/* cryp_alg.cmode of the non-RSA algorithms (RSA: enum crypto_rsa_scheme). */
#define CRYP_ASYM_ECDSA 0x100
#define CRYP_ASYM_ECDH 0x101
#define CRYP_ASYM_X25519 0x102
#define CRYP_ASYM_DH 0x103
#define CRYP_ASYM_HKDF 0x104
#define CRYP_ASYM_PBKDF2 0x105
#define CRYP_ASYM_CONCAT_KDF 0x106
#define CRYP_ASYM_HKDF_GP 0x107 /* TEE_ALG_HKDF: hash from a parameter */

/* The largest input or output of one call: an RSA-4096 block. */
#define CRYP_ASYM_MAX_BLOCK 512

const struct cryp_alg *cryp_asym_alg_find(uint32_t algo);
bool cryp_asym_class(uint32_t op_class);
bool cryp_asym_mode_ok(const struct cryp_alg *alg, uint32_t mode);
/* Whether a key of @type fits (a private mode needs the key pair). */
bool cryp_asym_key_ok(const struct cryp_alg *alg, uint32_t mode, uint32_t type);
uint32_t cryp_asym_usage(uint32_t mode);

extern const struct cryp_class_ops cryp_asym_ops;

/*
 * One asymmetric call on data already in the core. @out: *out_len bytes
 * of room (verify: the signature to check, *out_len its length). Results
 * as GP says (SHORT_BUFFER with the size needed, SIGNATURE_INVALID,
 * BAD_PARAMETERS), BAD_STATE/BAD_FORMAT for a panic.
 */
TEE_Result cryp_asym_run(struct cryp_op *op, uint32_t mode,
			 const struct cryp_attr_in *params, size_t n,
			 const uint8_t *in, size_t in_len, uint8_t *out,
			 size_t *out_len);

/* TEE_DeriveKey into @dst (an uninitialized generic secret). */
TEE_Result cryp_derive(struct cryp_inst *ci, struct cryp_op *op,
		       const struct cryp_attr_in *params, size_t n,
		       struct cryp_obj *dst);

/* TEE_GenerateKey of an asymmetric type. */
TEE_Result cryp_obj_generate_asym(struct cryp_inst *ci, struct cryp_obj *o,
				  uint32_t key_size,
				  const struct cryp_attr_in *params, size_t n);

/* A buffer attribute of @o as a number (len 0 if absent). */
struct crypto_bn cryp_asym_bn(const struct cryp_obj *o, uint32_t id);

#endif
