#include <drivers/pl011.h>

#define UARTDR 0x00
#define UARTFR 0x18
#define UARTIBRD 0x24
#define UARTFBRD 0x28
#define UARTLCR_H 0x2c
#define UARTCR 0x30
#define UARTIMSC 0x38

#define FR_TXFF (1u << 5)
#define CR_UARTEN (1u << 0)
#define CR_TXE (1u << 8)
#define LCR_WLEN8 (3u << 5)
#define LCR_FEN (1u << 4)

static inline void reg_write(uintptr_t base, uint32_t off, uint32_t v)
{
	*(volatile uint32_t *)(base + off) = v;
}

static inline uint32_t reg_read(uintptr_t base, uint32_t off)
{
	return *(volatile uint32_t *)(base + off);
}

void pl011_init(uintptr_t base)
{
	/* Baud rate is meaningless on QEMU but real PL011s need a divisor. */
	reg_write(base, UARTCR, 0);
	reg_write(base, UARTIMSC, 0);
	reg_write(base, UARTIBRD, 13);
	reg_write(base, UARTFBRD, 1);
	reg_write(base, UARTLCR_H, LCR_WLEN8 | LCR_FEN);
	reg_write(base, UARTCR, CR_UARTEN | CR_TXE);
}

void pl011_putc(uintptr_t base, char c)
{
	while (reg_read(base, UARTFR) & FR_TXFF)
		;
	reg_write(base, UARTDR, (uint8_t)c);
}

void pl011_write(uintptr_t base, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			pl011_putc(base, '\r');
		pl011_putc(base, s[i]);
	}
}
