/* Basic types shared by every secure-world component. */
#ifndef RAMPART_TYPES_H
#define RAMPART_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Distinct integer types for the three address spaces. They are plain
 * integers (not pointers) so that arithmetic on them is explicit and a
 * physical address can never be dereferenced by accident.
 */
typedef uint64_t paddr_t; /* physical address */
typedef uint64_t vaddr_t; /* virtual address in the core's own space */
typedef uint64_t uaddr_t; /* virtual address in a TA's user space */

typedef uint32_t TEE_Result;

#define TEE_SUCCESS 0x00000000u
#define TEE_ERROR_GENERIC 0xFFFF0000u
#define TEE_ERROR_ACCESS_DENIED 0xFFFF0001u
#define TEE_ERROR_CANCEL 0xFFFF0002u
#define TEE_ERROR_BAD_FORMAT 0xFFFF0005u
#define TEE_ERROR_BAD_PARAMETERS 0xFFFF0006u
#define TEE_ERROR_BAD_STATE 0xFFFF0007u
#define TEE_ERROR_ITEM_NOT_FOUND 0xFFFF0008u
#define TEE_ERROR_NOT_IMPLEMENTED 0xFFFF0009u
#define TEE_ERROR_NOT_SUPPORTED 0xFFFF000Au
#define TEE_ERROR_OUT_OF_MEMORY 0xFFFF000Cu
#define TEE_ERROR_BUSY 0xFFFF000Du
#define TEE_ERROR_COMMUNICATION 0xFFFF000Eu
#define TEE_ERROR_SECURITY 0xFFFF000Fu
#define TEE_ERROR_SHORT_BUFFER 0xFFFF0010u
#define TEE_ERROR_OVERFLOW 0xFFFF300Fu
#define TEE_ERROR_TARGET_DEAD 0xFFFF3024u

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define ROUNDUP(v, a) (((v) + ((a)-1)) & ~((__typeof__(v))(a)-1))
#define ROUNDDOWN(v, a) ((v) & ~((__typeof__(v))(a)-1))
#define IS_ALIGNED(v, a) (((v) & ((__typeof__(v))(a)-1)) == 0)

/* Overflow-checked arithmetic: true when the result does NOT fit. */
#define ADD_OVERFLOW(a, b, res) __builtin_add_overflow((a), (b), (res))
#define MUL_OVERFLOW(a, b, res) __builtin_mul_overflow((a), (b), (res))

#define BIT(n) (1ull << (n))

#endif
