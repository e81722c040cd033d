/*
 * OP-TEE message layouts in shared memory (shared/docs/optee-compat.md §2,
 * §3). Little-endian, natural alignment.
 */
#ifndef RAMPART_ABI_OPTEE_MSG_H
#define RAMPART_ABI_OPTEE_MSG_H

#include <stdint.h>

#define OPTEE_MSG_ATTR_TYPE_MASK 0xffu
#define OPTEE_MSG_ATTR_TYPE_NONE 0x0u
#define OPTEE_MSG_ATTR_TYPE_VALUE_INPUT 0x1u
#define OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT 0x2u
#define OPTEE_MSG_ATTR_TYPE_VALUE_INOUT 0x3u
#define OPTEE_MSG_ATTR_TYPE_RMEM_INPUT 0x5u
#define OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT 0x6u
#define OPTEE_MSG_ATTR_TYPE_RMEM_INOUT 0x7u
#define OPTEE_MSG_ATTR_TYPE_TMEM_INPUT 0x9u
#define OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT 0xau
#define OPTEE_MSG_ATTR_TYPE_TMEM_INOUT 0xbu
#define OPTEE_MSG_ATTR_META (1u << 8)
#define OPTEE_MSG_ATTR_NONCONTIG (1u << 9)
#define OPTEE_MSG_ATTR_CACHE_SHIFT 16
#define OPTEE_MSG_ATTR_CACHE_MASK 0x7u

#define OPTEE_MSG_CMD_OPEN_SESSION 0u
#define OPTEE_MSG_CMD_INVOKE_COMMAND 1u
#define OPTEE_MSG_CMD_CLOSE_SESSION 2u
#define OPTEE_MSG_CMD_CANCEL 3u
#define OPTEE_MSG_CMD_REGISTER_SHM 4u
#define OPTEE_MSG_CMD_UNREGISTER_SHM 5u

#define OPTEE_MSG_NONCONTIG_PAGE_SIZE 4096u
#define OPTEE_MSG_PAGE_LIST_ENTRIES 511u /* + 1 next-list pointer */

#define OPTEE_MSG_LOGIN_PUBLIC 0u
#define OPTEE_MSG_LOGIN_USER 1u
#define OPTEE_MSG_LOGIN_GROUP 2u
#define OPTEE_MSG_LOGIN_REE_KERNEL 0x80000000u

#define TEE_ORIGIN_API 1u
#define TEE_ORIGIN_COMMS 2u
#define TEE_ORIGIN_TEE 3u
#define TEE_ORIGIN_TRUSTED_APP 4u

struct optee_msg_param_tmem {
	uint64_t buf_ptr;
	uint64_t size;
	uint64_t shm_ref;
};

struct optee_msg_param_rmem {
	uint64_t offs;
	uint64_t size;
	uint64_t shm_ref;
};

struct optee_msg_param_value {
	uint64_t a;
	uint64_t b;
	uint64_t c;
};

struct optee_msg_param {
	uint64_t attr;
	union {
		struct optee_msg_param_tmem tmem;
		struct optee_msg_param_rmem rmem;
		struct optee_msg_param_value value;
		uint8_t octets[24];
	} u;
};

struct optee_msg_arg {
	uint32_t cmd;
	uint32_t func;
	uint32_t session;
	uint32_t cancel_id;
	uint32_t pad;
	uint32_t ret;
	uint32_t ret_origin;
	uint32_t num_params;
	struct optee_msg_param params[];
};

#define OPTEE_MSG_GET_ARG_SIZE(n)                                              \
	(sizeof(struct optee_msg_arg) + (n) * sizeof(struct optee_msg_param))

/* RPC commands (OPTEE_SMC_RPC_FUNC_CMD). */
#define OPTEE_RPC_CMD_LOAD_TA 0u
#define OPTEE_RPC_CMD_RPMB 1u
#define OPTEE_RPC_CMD_FS 2u
#define OPTEE_RPC_CMD_GET_TIME 3u
#define OPTEE_RPC_CMD_NOTIFICATION 4u
#define OPTEE_RPC_CMD_SUSPEND 5u
#define OPTEE_RPC_CMD_SHM_ALLOC 6u
#define OPTEE_RPC_CMD_SHM_FREE 7u

#define OPTEE_RPC_SHM_TYPE_APPL 0u
#define OPTEE_RPC_SHM_TYPE_KERNEL 1u

#define OPTEE_RPC_FS_OPEN 0u
#define OPTEE_RPC_FS_CREATE 1u
#define OPTEE_RPC_FS_CLOSE 2u
#define OPTEE_RPC_FS_READ 3u
#define OPTEE_RPC_FS_WRITE 4u
#define OPTEE_RPC_FS_REMOVE 6u

/* Params an RPC request may carry (the supplicant's limit). */
#define OPTEE_RPC_MAX_PARAMS 4u

#endif
