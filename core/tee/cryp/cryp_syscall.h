/*
 * What core/tee/syscall_cryp.c (dispatch, objects) and syscall_cryp_op.c
 * (operations) share: decoding of system call arguments. Every pointer is
 * checked against the caller's mappings here (TEE_ERROR_ACCESS_DENIED),
 * small structures and attribute buffers are copied into the core once.
 */
#ifndef CORE_TEE_CRYP_CRYP_SYSCALL_H
#define CORE_TEE_CRYP_CRYP_SYSCALL_H

#include "cryp.h"

/* A TA range as a span: ACCESS_DENIED unless mapped (writable if @write). */
TEE_Result sc_span(uint64_t va, uint64_t len, bool write, struct cryp_span *s);
/* A uint64_t the TA passes by reference (read now, written back later). */
TEE_Result sc_get_u64(uint64_t va, uint64_t *v);
void sc_put_u64(uint64_t va, uint64_t v); /* va checked by sc_get_u64 */
/* Copies @len bytes of TA memory into @dst. */
TEE_Result sc_copy_in(void *dst, uint64_t va, size_t len);
/* Writes a structure to a TA address (checked here). */
TEE_Result sc_copy_out(uint64_t va, const void *src, size_t len);
/* A 32-bit argument: false if the upper half is not zero. */
bool sc_u32(uint64_t v, uint32_t *out);

/* The calling instance's object or operation for a handle argument. */
TEE_Result sc_obj(struct cryp_inst *ci, uint64_t h, struct cryp_obj **o);
TEE_Result sc_op(struct cryp_inst *ci, uint64_t h, struct cryp_op **op);

/* Attribute arrays: copied with their buffers into the core. */
struct sc_attrs {
	struct cryp_attr_in in[CRYP_MAX_ATTR_PARAMS];
	size_t n;
};

/* @count attributes at @va into @at (sc_attrs_free() after use). */
TEE_Result sc_attrs_decode(uint64_t va, uint64_t count, struct sc_attrs *at);
void sc_attrs_free(struct sc_attrs *at);

/* Asymmetric and key derivation calls (syscall_cryp_asym.c). */
TEE_Result syscall_cryp_asym(struct cryp_inst *ci, uint64_t nr,
			     const uint64_t a[6]);

/* Operation system calls (syscall_cryp_op.c); NOT_SUPPORTED if not one. */
TEE_Result syscall_cryp_op(struct cryp_inst *ci, uint64_t nr,
			   const uint64_t a[6]);

#endif
