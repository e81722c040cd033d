/*
 * Parameters as a TA entry point sees them (GP TEE Internal Core API), and
 * the bookkeeping that ties each one to normal-world memory.
 */
#ifndef TEE_TEE_PARAM_H
#define TEE_TEE_PARAM_H

#include <rampart/abi/optee_msg.h>
#include <rampart/types.h>
#include <tee/ns_mem.h>

#define TEE_NUM_PARAMS 4
#define TEE_PARAM_TYPE_NONE 0u
#define TEE_PARAM_TYPE_VALUE_INPUT 1u
#define TEE_PARAM_TYPE_VALUE_OUTPUT 2u
#define TEE_PARAM_TYPE_VALUE_INOUT 3u
#define TEE_PARAM_TYPE_MEMREF_INPUT 5u
#define TEE_PARAM_TYPE_MEMREF_OUTPUT 6u
#define TEE_PARAM_TYPE_MEMREF_INOUT 7u
#define TEE_PARAM_TYPES(t0, t1, t2, t3)                                        \
	((t0) | ((t1) << 4) | ((t2) << 8) | ((t3) << 12))
#define TEE_PARAM_TYPE_GET(types, i) (((types) >> ((i)*4)) & 0xf)

/* The largest memref the core will bounce through secure memory. */
#define TEE_PARAM_MAX_MEMREF (8u * 1024 * 1024)

union tee_param {
	struct {
		void *buffer;
		size_t size;
	} memref;
	struct {
		uint32_t a, b;
	} value;
};

struct tee_call_params {
	uint32_t types;
	union tee_param p[TEE_NUM_PARAMS];
	/* Per memref: where it lives in the normal world, and its bounce. */
	struct {
		struct ns_buf ns;
		struct shm *ref; /* registered shm this holds a reference on */
		uint64_t size;   /* as the normal world gave it */
		void *bounce;
	} mem[TEE_NUM_PARAMS];
};

/*
 * Decode: validate message params (types, attributes, memory ranges),
 * resolve memrefs, copy input data into secure bounce buffers. On error
 * nothing is left allocated or referenced.
 */
TEE_Result msg_params_decode(const struct optee_msg_param *mp, size_t n,
			     struct tee_call_params *cp);
/*
 * Encode: copy output data back (only when @ret is TEE_SUCCESS), write the
 * output sizes (always) and output values into @mp, then release.
 */
TEE_Result msg_params_encode(struct tee_call_params *cp,
			     struct optee_msg_param *mp, size_t n,
			     TEE_Result ret);
void msg_params_release(struct tee_call_params *cp);

#endif
