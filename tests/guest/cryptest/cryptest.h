/*
 * cryptest: in-guest tests of the GP crypto API through crypt_ta
 * (tests/ta/crypt_ta): known answers (kat.c, kat_vectors.c), the
 * differential vectors the host computed with OpenSSL (vectors.c),
 * misuse and panics (misuse.c). main.c runs them with the shared runner.
 */
#ifndef CRYPTEST_H
#define CRYPTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <tee_client_api.h>

#include "runner.h" /* detail, failures, note, expect */

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Guest-side flag of a vector line: compare only a prefix. */
#define VEC_F_PREFIX 0x100

/* One vector: a parsed line (see kat_vectors.c for the format). */
struct vec {
	char label[64];
	uint32_t algo, mode, key_type, max_key, flags, seed;
	uint32_t want_res;
	uint8_t *key, *key2, *iv, *aad, *data, *tag, *want;
	size_t key_len, key2_len, iv_len, aad_len, data_len, tag_len, want_len;
};

extern const char *const kat_digest[],
	*const kat_mac[], *const kat_cipher[], *const kat_ae[];

/* common.c */
const char *rn(TEEC_Result r);
bool open_crypt(TEEC_Context *ctx, TEEC_Session *s);
void close_crypt(TEEC_Context *ctx, TEEC_Session *s);
/* Parses @line (modified); false on a malformed line. */
bool vec_parse(char *line, struct vec *v);
void vec_free(struct vec *v);
/*
 * The vector files' fields: hex bytes ("-": none) into @b (at most @cap),
 * and a hex number; false on a malformed field.
 */
bool hex_bytes(const char *s, uint8_t *b, size_t cap, size_t *len);
bool hex_u32(const char *s, uint32_t *v);

/* asym_req.c: the asymmetric vector files' attributes and requests. */
#define ASYM_MAX_ATTRS 8
struct asym_attr {
	uint32_t id;
	char *hex; /* as in the file */
	uint8_t b[600];
	size_t len;
};
/* "N ID=hex ..." at tok[*t] (value attributes: big-endian hex); moves *t. */
bool asym_parse_attrs(char **tok, int ntok, int *t, struct asym_attr *a,
		      uint32_t *n);
struct asym_req {
	uint32_t algo, mode, type, nkey, nprm;
	const struct asym_attr *key, *prm;
	const uint8_t *in, *aux;
	size_t in_len, aux_len;
};
/* Builds the CRYPT_CMD_ASYM_OP request; its size (over CRYPT_ASYM_OP_MAX:
 * too big, not sent). */
size_t asym_req_build(const struct asym_req *r);
/* Sends the request built last; *gp: the TA's GP result. */
TEEC_Result asym_req_send(TEEC_Session *s, size_t len, uint32_t *gp,
			  uint8_t *out, size_t *out_len);
/*
 * Runs @v through CRYPT_CMD_RUN with @seed and extra TA @flags; true if
 * the result and the output are the expected ones (a note otherwise).
 */
bool vec_run(TEEC_Session *s, const struct vec *v, uint32_t seed,
	     uint32_t flags);
/* CRYPT_CMD_MISUSE: TEEC result; *a, *b the scenario's values. */
TEEC_Result misuse(TEEC_Session *s, uint32_t scenario, uint32_t arg,
		   uint32_t *a, uint32_t *b, uint32_t *origin);

/* The tests (failed checks go to failures). */
void t_kat_digest(void);
void t_kat_mac(void);
void t_kat_cipher(void);
void t_kat_ae(void);
void t_kat_million_a(void);
void t_aes_accel_vs_mbedtls(void); /* aes_accel.c */
void t_gp11(void);
void t_foreign_handle(void);
/* vectors.c: the differential file, one class per test. */
extern const char *vectors_path;
void t_vec_digest(void);
void t_vec_mac(void);
void t_vec_cipher(void);
void t_vec_ae(void);
/* vectors.c: NIST CAVS cases (cavs_sym.py), one class per test. */
extern const char *cavs_path;
void t_cavs_digest(void);
void t_cavs_mac(void);
void t_cavs_cipher(void);
void t_cavs_ae(void);
/* misuse.c */
extern uint32_t cur_scenario;
void t_misuse(void);
void t_panic(void);
/* asym.c: CRYPT_CMD_ASYM group cur_group. */
extern const char *const asym_group_names[];
extern uint32_t cur_group;
void t_asym(void);
void t_asym_export(void);
/* asym_diff.c: random cases against OpenSSL (cryp_gen_asym). */
extern const char *asym_vectors_path;
void t_asym_diff_ecdsa(void);
void t_asym_diff_ecdh(void);
void t_asym_diff_x25519(void);
void t_asym_diff_rsa(void);
/* fips186.c: NIST CAVS vectors (cavs_asym.py, fips186.txt). */
void t_fips186_ecdsa_sigver(void);
void t_fips186_ecdsa_siggen_verify(void);
void t_fips186_ecc_pkv(void);
void t_fips186_rsa_sigver15(void);
void t_fips186_rsa_sigverpss(void);
void t_fips186_rsa_siggen15(void);
void t_fips186_rsa_siggenpss_verify(void);
void t_kas_ecc_cdh(void);
/* cryptest --bench N: sign/verify timings (CRYPT_CMD_ASYM_BENCH). */
int asym_bench(int samples);

#endif
