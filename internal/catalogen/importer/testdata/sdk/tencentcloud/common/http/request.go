package common

func (r *BaseRequest) fill(params map[string]string) {
	params["RequestClient"] = "SDK_GO_1.3.170"
}
