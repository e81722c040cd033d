/*
 * Requests from the core to the normal world (Linux, tee-supplicant) on
 * behalf of the call the current thread serves.
 */
#ifndef TEE_RPC_H
#define TEE_RPC_H

#include <rampart/abi/optee_msg.h>
#include <rampart/types.h>

struct shm;

/*
 * Sends an OPTEE_RPC_CMD_* with @n (<= 4) params; on return the params hold
 * the normal world's answer (checked to keep their attributes) and the
 * result is its `ret`.
 */
TEE_Result rpc_cmd(uint32_t cmd, size_t n, struct optee_msg_param *params);

/* Lets Linux run pending interrupts / reschedule, then comes back. */
void rpc_yield(void);

/* Normal-world memory for RPC payloads (SHM_ALLOC / SHM_FREE). */
TEE_Result rpc_shm_alloc(uint32_t type, size_t size, struct shm **out);
void rpc_shm_free(uint32_t type, struct shm *s);
/* A memref param describing [offs, offs + size) of an RPC allocation. */
void rpc_memref_param(struct optee_msg_param *p, uint64_t attr_type,
		      const struct shm *s, uint64_t offs, uint64_t size);

#endif
