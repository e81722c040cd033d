/*
 * Protocol constants the supplicant shares with the secure world and the
 * Linux driver (shared/docs/optee-compat.md §3): RPC command numbers, REE FS
 * sub-operations, shared-memory types and the TEEC result codes it returns.
 */
#ifndef SUPP_PROTO_H
#define SUPP_PROTO_H

/* OPTEE_RPC_CMD_* as forwarded to the supplicant (func of SUPPL_RECV). */
#define SUPP_CMD_LOAD_TA 0u
#define SUPP_CMD_RPMB 1u
#define SUPP_CMD_FS 2u
#define SUPP_CMD_SHM_ALLOC 6u
#define SUPP_CMD_SHM_FREE 7u
#define SUPP_CMD_SQL_FS 8u
#define SUPP_CMD_GPROF 9u
#define SUPP_CMD_SOCKET 10u
#define SUPP_CMD_FTRACE 11u
#define SUPP_CMD_PLUGIN 12u
#define SUPP_CMD_BENCH_REG 20u

/* OPTEE_RPC_FS_* (value[0].a of an FS request). */
#define SUPP_FS_OPEN 0u
#define SUPP_FS_CREATE 1u
#define SUPP_FS_CLOSE 2u
#define SUPP_FS_READ 3u
#define SUPP_FS_WRITE 4u
#define SUPP_FS_TRUNCATE 5u
#define SUPP_FS_REMOVE 6u
#define SUPP_FS_RENAME 7u
#define SUPP_FS_OPENDIR 8u
#define SUPP_FS_CLOSEDIR 9u
#define SUPP_FS_READDIR 10u

/* OPTEE_RPC_SHM_TYPE_APPL: the only type the kernel delegates to us. */
#define SUPP_SHM_TYPE_APPL 0u

/* TEEC result codes. */
#define TEEC_SUCCESS 0x00000000u
#define TEEC_ERROR_GENERIC 0xFFFF0000u
#define TEEC_ERROR_ACCESS_DENIED 0xFFFF0001u
#define TEEC_ERROR_ACCESS_CONFLICT 0xFFFF0003u
#define TEEC_ERROR_BAD_FORMAT 0xFFFF0005u
#define TEEC_ERROR_BAD_PARAMETERS 0xFFFF0006u
#define TEEC_ERROR_BAD_STATE 0xFFFF0007u
#define TEEC_ERROR_ITEM_NOT_FOUND 0xFFFF0008u
#define TEEC_ERROR_NOT_SUPPORTED 0xFFFF000Au
#define TEEC_ERROR_OUT_OF_MEMORY 0xFFFF000Cu
#define TEEC_ERROR_BUSY 0xFFFF000Du
#define TEEC_ERROR_SHORT_BUFFER 0xFFFF0010u
#define TEEC_ERROR_STORAGE_NO_SPACE 0xFFFF3041u
#define TEEC_ERROR_STORAGE_NOT_AVAILABLE 0xF0100003u

#endif
