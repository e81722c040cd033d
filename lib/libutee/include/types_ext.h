/* Address and size types TA sources commonly use (OP-TEE's names). */
#ifndef RAMPART_TA_TYPES_EXT_H
#define RAMPART_TA_TYPES_EXT_H

#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uintptr_t vaddr_t;
typedef uintptr_t paddr_t;
typedef uintptr_t uaddr_t;
typedef uintptr_t paddr_size_t;
typedef long ssize_t;

#define PRIxVA PRIxPTR
#define PRIxPA PRIxPTR

#endif
