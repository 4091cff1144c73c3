package v20180321

const (
	// 此产品的特有错误码

	// 单次请求text超过长度限制。
	UNSUPPORTEDOPERATION_TEXTTOOLONG = "UnsupportedOperation.TextTooLong"
)
