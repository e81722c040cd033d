/* The S-EL1 core's flat binary, carried in flash behind the monitor. */
	.section .core_image, "a"
	.incbin CORE_BIN_PATH
