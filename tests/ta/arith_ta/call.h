/*
 * One ARITH_CMD_RUN request inside arith_ta: arith_ta.c decodes it and
 * encodes the response, arith_calls.c makes the API call.
 */
#ifndef ARITH_CALL_H
#define ARITH_CALL_H

#include <stddef.h>
#include <stdint.h>
#include <tee_internal_api.h>

#include <arith_ta.h>

#define MAX_ALLOCS 16

struct call {
	struct arith_req req;
	TEE_BigInt *in[3];	 /* A, B, C */
	const uint8_t *bytes[3]; /* their bytes as sent */
	uint32_t len[3];
	bool neg[3];
	uint32_t dest_bits; /* the request's, or the default */
	struct arith_rsp rsp;
	uint8_t *out; /* response buffer */
	size_t out_size, out_used;
	void *allocs[MAX_ALLOCS];
	size_t num_allocs;
};

/* Zeroed heap memory freed with the call; panics if the heap is out. */
void *call_alloc(struct call *c, size_t size);
/* A TEE_BigInt of TEE_BigIntSizeInU32(bits), initialised. */
TEE_BigInt *call_bigint(struct call *c, size_t bits);
/* Appends a result to the response (false: no room). */
bool call_put(struct call *c, const TEE_BigInt *x);
bool call_put_bytes(struct call *c, const uint8_t *b, uint32_t len, bool neg);
bool call_put_u32(struct call *c, uint32_t v);

/* Runs c->req.op; TEE_ERROR_BAD_PARAMETERS if the request makes no sense. */
TEE_Result call_run(struct call *c);

#endif
