/* What the files of crypt_ta share (see include/crypt_ta.h). */
#ifndef CRYPT_PRIV_H
#define CRYPT_PRIV_H

#include <stddef.h>
#include <stdint.h>
#include <tee_internal_api.h>

TEE_Result crypt_run(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS]);
TEE_Result crypt_misuse(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS]);
/* Scenarios that must panic; returns only if the API did not panic. */
void crypt_misuse_panic(uint32_t scenario);
/* In the GP 1.1 unit TEE_Param is the 1.1 layout: the caller's is 1.3. */
TEE_Result crypt_gp11(uint32_t pt, __GP13_TEE_Param p[TEE_NUM_PARAMS]);

/* Helpers for the scenarios (misuse.c). */
TEE_ObjectHandle crypt_key(uint32_t type, const void *key, size_t len);
TEE_OperationHandle crypt_op(uint32_t algo, uint32_t mode, uint32_t max,
			     TEE_ObjectHandle key);

/* libutee's system call entry (utee_syscalls.h is libutee-internal). */
unsigned long _utee_cryp_call(unsigned long nr, unsigned long a0,
			      unsigned long a1, unsigned long a2,
			      unsigned long a3, unsigned long a4,
			      unsigned long a5);

/* A scenario's checks: the first failing one's line and value. */
struct ck {
	uint32_t line, value, done;
};

#define CHECK(c, v)                                                            \
	do {                                                                   \
		ck->done++;                                                    \
		if (!(c)) {                                                    \
			ck->line = __LINE__;                                   \
			ck->value = (uint32_t)(v);                             \
			return;                                                \
		}                                                              \
	} while (0)
#define CHECK_RES(call, want)                                                  \
	do {                                                                   \
		TEE_Result r_ = (call);                                        \
		CHECK(r_ == (want), r_);                                       \
	} while (0)

/* misuse_rules.c */
void syscall_bad_pointers(struct ck *ck);
void alloc_rules(struct ck *ck);
void populate_rules(struct ck *ck);
void op_info(struct ck *ck);
void copy_operation(struct ck *ck);
void generate(struct ck *ck);
void xts_same_keys(struct ck *ck);
void ae_limits(struct ck *ck);
void budget(struct ck *ck);
void states(struct ck *ck);

#define P(a, b, c, d)                                                          \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_##a, TEE_PARAM_TYPE_##b,                \
			TEE_PARAM_TYPE_##c, TEE_PARAM_TYPE_##d)

#endif
